// The web app's own route prefixes (pure, so the Vite config can import it too): the server hands
// index.html to these paths and the dev server proxies everything else to the API.
export const WEB_ROUTE_PREFIXES = ['sign-in', 'portal', 'console', 'shopper'] as const;
