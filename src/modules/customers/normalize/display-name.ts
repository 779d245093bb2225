const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;

/**
 * Chinese names are written family name first with no space (李 + 娜 → 李娜); Western names "first last".
 * A name typed into one field only is kept exactly as typed.
 */
export function displayName(firstName: string | null, lastName: string | null): string {
  const first = firstName ?? '';
  const last = lastName ?? '';
  if (!first || !last) return first || last;
  if (CJK.test(first) || CJK.test(last)) return `${last}${first}`;
  return `${first} ${last}`;
}
