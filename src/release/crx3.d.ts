/** The part of crx3's API (CommonJS, untyped) that `npm run package` uses. */
declare module 'crx3' {
  type Options = { keyPath: string; crxPath: string; zipPath?: string; xmlPath?: string };
  export default function writeCRX3File(files: string[], options: Options): Promise<unknown>;
}
