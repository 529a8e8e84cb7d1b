export { storeFile, getFileContent, findFiles, type StoredFile } from './service';
export { checkUpload, sniffFileKind, filePurposes, type FilePurpose, type FileKind } from './rules';
export { fileRoutes } from './routes';
