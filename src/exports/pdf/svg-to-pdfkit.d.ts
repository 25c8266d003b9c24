// svg-to-pdfkit ships no typings; this is the one function it exports (see its README).
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic: boolean }) => string;
    imageCallback?: (link: string) => string;
    documentCallback?: (file: string) => unknown;
    colorCallback?: (color: [number[], number]) => [number[], number];
    warningCallback?: (message: string) => void;
    assumePt?: boolean;
    precision?: number;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export = SVGtoPDF;
}
