import fs from 'node:fs';
import { once } from 'node:events';

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '小红', '志强'];
const FIRST_EN = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Peter', 'Anna', 'Tom', 'Emma', 'Lucas', 'Mia'];
const LAST_EN = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Walker', 'Wright', 'Green', 'Hall', 'Wood'];
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '成都', '南京', '武汉', ' 西安 ', 'Shanghai'];
const TAGS = ['VIP', '新客', 'wholesale', '活动', ''];
/** Mobile prefixes in service in mainland China (libphonenumber refuses unassigned ones such as 140). */
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '177', '186', '187', '188', '189', '199'];

/** A small deterministic PRNG (mulberry32): the same file for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same mobile number the ways people type it: 13812345678, +86 138 1234 5678, 138-1234-5678, 0086… */
function phoneFormats(digits: string, pick: number): string {
  switch (pick % 5) {
    case 0: return digits;
    case 1: return `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    case 2: return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    case 3: return `0086${digits}`;
    default: return `(+86)${digits}`;
  }
}

function csv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const DIRTY_HEADERS = ['external_id', '姓名', 'email', '手机', 'city', 'birthday', 'tags'];

/**
 * A contacts CSV with realistic dirt: mixed phone formats, about 1% malformed emails, padded cities,
 * dates in several formats, and `duplicateShare` of the rows repeating an earlier person (another
 * external id, the email in other case, the phone typed differently).
 */
export async function writeDirtyContacts(file: string, rows: number, seed: number, duplicateShare = 0.03): Promise<{ bytes: number; duplicates: number; headers: string[] }> {
  const random = rng(seed);
  const out = fs.createWriteStream(file);
  let chunk = DIRTY_HEADERS.join(',') + '\n';
  let duplicates = 0;
  for (let i = 1; i <= rows; i++) {
    const dup = i > 100 && random() < duplicateShare;
    const person = dup ? 1 + Math.floor(random() * (i - 1)) : i;
    if (dup) duplicates++;
    const r = rng(person * 7919 + seed);
    const chinese = r() < 0.8;
    const name = chinese
      ? FAMILY[Math.floor(r() * FAMILY.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]!
      : `${FIRST_EN[Math.floor(r() * FIRST_EN.length)]} ${LAST_EN[Math.floor(r() * LAST_EN.length)]}`;
    const digits = `${MOBILE_PREFIXES[Math.floor(r() * MOBILE_PREFIXES.length)]}${String(person % 100_000_000).padStart(8, '0')}`;
    let email = `user${person}@example${person % 7}.com`;
    if (dup) email = email.toUpperCase();
    if (!dup && random() < 0.01) email = `user${person}.example.com`;
    const y = 1950 + Math.floor(r() * 50);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const birthday = [`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${y}/${m}/${d}`, `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`, ''][Math.floor(random() * 4)]!;
    const line = [`X${i}`, name, email, phoneFormats(digits, Math.floor(random() * 5)), CITIES[Math.floor(r() * CITIES.length)]!, birthday, TAGS[Math.floor(random() * TAGS.length)]!];
    chunk += line.map(csv).join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { bytes: fs.statSync(file).size, duplicates, headers: DIRTY_HEADERS };
}
