import { describe, expect, it } from 'vitest';
import { splitFullName } from './names.ts';

function split(raw: string): [string | null, string | null] {
  const parts = splitFullName(raw);
  return [parts.first_name, parts.last_name];
}

describe('splitFullName', () => {
  it('splits Chinese names after the family name', () => {
    expect(split('李娜')).toEqual(['娜', '李']);
    expect(split('张三丰')).toEqual(['三丰', '张']);
    expect(split(' 李 娜 ')).toEqual(['娜', '李']);
  });

  it('keeps compound surnames whole', () => {
    expect(split('欧阳娜娜')).toEqual(['娜娜', '欧阳']);
    expect(split('司马光')).toEqual(['光', '司马']);
    expect(split('诸葛亮')).toEqual(['亮', '诸葛']);
    expect(split('上官婉儿')).toEqual(['婉儿', '上官']);
    expect(split('歐陽修')).toEqual(['修', '歐陽']);
  });

  it('keeps a single character or a bare compound surname as the last name', () => {
    expect(split('李')).toEqual([null, '李']);
    expect(split('欧阳')).toEqual([null, '欧阳']);
  });

  it('reads transliterated names with a middle dot given name first', () => {
    expect(split('约翰·史密斯')).toEqual(['约翰', '史密斯']);
  });

  it('splits Western names', () => {
    expect(split('John Smith')).toEqual(['John', 'Smith']);
    expect(split('Smith, John')).toEqual(['John', 'Smith']);
    expect(split('Mary Ann Smith')).toEqual(['Mary Ann', 'Smith']);
    expect(split('  John   Smith ')).toEqual(['John', 'Smith']);
  });

  it('keeps particles and suffixes with the last name', () => {
    expect(split('Mary Ann van der Berg')).toEqual(['Mary Ann', 'van der Berg']);
    expect(split('Ludwig van Beethoven')).toEqual(['Ludwig', 'van Beethoven']);
    expect(split('Leonardo da Vinci')).toEqual(['Leonardo', 'da Vinci']);
    expect(split('Martin Luther King Jr.')).toEqual(['Martin Luther', 'King Jr.']);
  });

  it('treats one word as a last name, and blank as nothing', () => {
    expect(split('Madonna')).toEqual([null, 'Madonna']);
    expect(split('Smith,')).toEqual([null, 'Smith']);
    expect(split('   ')).toEqual([null, null]);
  });
});
