export function checkVersion(tag: string, packageVersion: string): string[];
export function majorTag(tag: string): string;
export function releaseNotes(changelog: string, version: string): string;
export function staleFiles(repo: string, dir?: string): string[];
