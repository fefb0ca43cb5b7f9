// The user's gazetteer files: file.ts reads and validates one file (the CLI and the server); store.ts is the
// language server's cache of the files each document's settings name. Only the loader is exported here, so
// that the CLI does not bundle the server's store.
export { loadGazetteerFile, parseGazetteer, type GazetteerError, type GazetteerResult } from './file';
