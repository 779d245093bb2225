// Chinese compound surnames (复姓), simplified and traditional: 欧阳娜娜 is 欧阳 + 娜娜, not 欧 + 阳娜娜.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 ' +
    '公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 ' +
    '拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 东门 西门 第五 南荣 东里 即墨 达奚 褚师 ' +
    '歐陽 司馬 諸葛 尉遲 長孫 鍾離 宇文 令狐 夏侯 皇甫 上官 東方 南宮 軒轅 聞人 公孫 閭丘 呼延 西門 東郭'
  ).split(' '),
);

// Name particles that belong to the last name: Mary Ann van der Berg → Mary Ann / van der Berg.
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'des', 'dos', 'das', 'le', 'la', 'ter', 'ten']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const SPACES = /\s+/u;
const MIDDLE_DOT = /[·•・‧]/;

export type NameParts = { first_name: string | null; last_name: string | null };

function chineseName(name: string): NameParts {
  // 约翰·史密斯: a transliterated foreign name keeps its own order, given name first.
  if (MIDDLE_DOT.test(name)) {
    const parts = name.split(MIDDLE_DOT).filter((p) => p !== '');
    const last = parts.pop() ?? null;
    return { first_name: parts.length > 0 ? parts.join('·') : null, last_name: last };
  }
  const words = name.split(' ');
  if (words.length > 1) return { first_name: words.slice(1).join(''), last_name: words[0]! };
  const chars = Array.from(name);
  if (chars.length === 1) return { first_name: null, last_name: name };
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  if (chars.length === 2 && COMPOUND_SURNAMES.has(name)) return { first_name: null, last_name: name };
  return { first_name: chars.slice(surnameLength).join(''), last_name: chars.slice(0, surnameLength).join('') };
}

function westernName(name: string): NameParts {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    // "Smith, John": the directory order, last name first.
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (last === '') return { first_name: null, last_name: first || null };
    return { first_name: first || null, last_name: last };
  }
  const words = name.split(' ');
  let end = words.length;
  while (end > 1 && SUFFIXES.has(words[end - 1]!.toLowerCase())) end--;
  if (end <= 1) return { first_name: null, last_name: name };
  let lastStart = end - 1;
  for (let i = 1; i < end - 1; i++) {
    if (PARTICLES.has(words[i]!.toLowerCase())) {
      lastStart = i;
      break;
    }
  }
  return { first_name: words.slice(0, lastStart).join(' '), last_name: words.slice(lastStart).join(' ') };
}

/**
 * A full name split for the first_name/last_name columns. Chinese: family name first, one character
 * or a compound surname (欧阳, 司马 …). Western: "John Smith", "Smith, John", particles (van der) with
 * the last name, suffixes (Jr.) too. One word is a last name only.
 */
export function splitFullName(raw: string): NameParts {
  const name = raw.normalize('NFC').trim().split(SPACES).join(' ');
  if (name === '') return { first_name: null, last_name: null };
  if (HAN.test(name) && !LATIN.test(name)) return chineseName(name);
  return westernName(name);
}
