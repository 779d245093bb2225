import { pinyin } from 'pinyin-pro';

const HAN_RUN = /\p{Script=Han}+/gu;
const CAMEL_HUMP = /(\p{Ll}|\d)(\p{Lu})/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_KEY = /[^a-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;
const KEY_MAX = 63;

/**
 * A custom-field key (^[a-z][a-z0-9_]{0,62}$) for a column header: "Member No." → member_no,
 * "memberNo" → member_no, "Café" → cafe, "会员编号" → hui_yuan_bian_hao (pinyin, read as a phrase so
 * polyphones come out right: 重庆 → chong_qing). Not unique by itself: the caller resolves clashes.
 */
export function customFieldKeyFor(header: string): string {
  let text = header.normalize('NFKC').trim();
  text = text.replace(HAN_RUN, (run) => ` ${pinyin(run, { toneType: 'none', type: 'array', v: true }).join(' ')} `);
  text = text.replace(CAMEL_HUMP, '$1 $2');
  text = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let key = text.replace(NOT_KEY, '_').replace(EDGE_UNDERSCORES, '');
  if (key === '') key = 'field';
  if (key[0]! < 'a' || key[0]! > 'z') key = `f_${key}`;
  if (key.length > KEY_MAX) key = key.slice(0, KEY_MAX).replace(EDGE_UNDERSCORES, '');
  return key;
}
