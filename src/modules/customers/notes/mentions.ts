/** `@[Name](user:ID)` — the markup the web editor writes when a user is picked from the @ list. */
const MENTION = /@\[([^\]\n]{1,200})\]\(user:(\d{1,18})\)/g;

/** Distinct user ids mentioned in a note body, in order of first appearance. */
export function mentionedUserIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) ids.add(match[2]!);
  return [...ids];
}
