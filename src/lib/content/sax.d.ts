/** The small part of sax (https://github.com/isaacs/sax-js, no bundled types) that safe-svg.ts uses. */
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    prefix: string;
    local: string;
    uri: string;
  }
  export interface QualifiedTag {
    name: string;
    prefix: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
    isSelfClosing: boolean;
  }
  export interface SAXOptions {
    xmlns?: boolean;
    position?: boolean;
    strictEntities?: boolean;
  }
  export interface SAXParser {
    /** 0-based line and column of the parser's position. */
    line: number;
    column: number;
    error: Error | null;
    onerror: (error: Error) => void;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (doctype: string) => void;
    onprocessinginstruction: (instruction: { name: string; body: string }) => void;
    write(chunk: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options?: SAXOptions): SAXParser };
  export default sax;
}
