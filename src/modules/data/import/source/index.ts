/** Reading import files: CSV (any common encoding and delimiter) and XLSX, streamed row by row. */
export { openSource, previewSource } from './open-source.ts';
export type {
  EncodingChoice, ImportFormat, OpenSourceOptions, PreviewOptions, Source, SourcePreview, SourceRow, TextEncoding,
} from './source.ts';
