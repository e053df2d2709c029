export const STAGES: string[];
export const SECTIONS: string[];
export function classify(description: string): { stages: string[]; text: string };
export function tables(actionText: string): Record<string, string>;
export function render(readme: string, actionText: string): string;
