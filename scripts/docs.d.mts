export const STAGES: string[];
export const SECTIONS: string[];
export function classify(description: string): { stages: string[]; text: string };
export function tables(actionText: string): Record<string, string>;
export function renderBlocks(
  text: string,
  blocks: Record<string, string>,
  file: string,
): { text: string; found: string[] };
export function renderAll(texts: Record<string, string>, actionText: string): Record<string, string>;
export function docFiles(root: string): string[];
