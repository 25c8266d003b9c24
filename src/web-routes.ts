// The web app's own route prefixes: the server hands index.html to these paths (src/web-app.ts), and the
// web app's routes (web/src/routes.tsx) live under them.
export const WEB_ROUTE_PREFIXES = ['sign-in', 'portal', 'console', 'shopper'] as const;
