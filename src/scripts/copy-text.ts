/**
 * What a copy button puts on the clipboard. In shell blocks that show prompts, only the commands:
 * lines with a `$ ` or `> ` prompt, prompt removed, plus the continuation lines of a command that
 * ends in a backslash. Output lines and deleted (`del`) lines are left out.
 */
const PROMPT = /^\s*[$>] /;

export function textToCopy(lines: readonly string[], shell: boolean): string {
  if (!shell || !lines.some((l) => PROMPT.test(l))) return lines.join('\n');
  const out: string[] = [];
  let continued = false;
  for (const line of lines) {
    if (PROMPT.test(line)) out.push(line.replace(PROMPT, ''));
    else if (continued) out.push(line);
    else continue;
    continued = /\\\s*$/.test(line);
  }
  return out.join('\n');
}
