/**
 * The one escape for text written into HTML or XML by hand (search documents, redirect pages,
 * the sitemap): safe in element content and in quoted attribute values.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
