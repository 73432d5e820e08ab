/**
 * The one text comparison for everything that reaches the output (reading order, file order,
 * diagnostics): English collation chosen once, so a build gives the same site whatever the
 * machine's locale (`LC_ALL=sv_SE.UTF-8` sorts "Ä" after "Z"; this never does).
 */
const collator = new Intl.Collator('en');

export const compareText = (a: string, b: string): number => collator.compare(a, b);
