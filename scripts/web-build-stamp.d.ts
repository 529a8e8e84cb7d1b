// Types for scripts/web-build-stamp.js, which plain-JS start scripts and the TypeScript e2e setup share.
export function sourceFingerprint(root: string): string;
export function webBuildIsStale(root: string): boolean;
export function writeBuildStamp(root: string): void;
