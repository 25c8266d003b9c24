// @nlpjs ships no typings; these are the pieces src/kpis/domain/sentiment.ts uses (see the packages' sources).
declare module '@nlpjs/core' {
  export class Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
}
declare module '@nlpjs/lang-es' {
  export class LangEs {}
}
declare module '@nlpjs/lang-en-min' {
  export class LangEn {}
}
