import { describe, expect, it } from 'vitest';
import { mentionedUserIds } from './mentions.ts';

describe('mentionedUserIds', () => {
  it('finds each mentioned user once, in order', () => {
    expect(mentionedUserIds('Hi @[Li Na](user:12) and @[张三](user:7), cc @[Li Na](user:12)')).toEqual(['12', '7']);
  });

  it('ignores text that only looks like a mention', () => {
    expect(mentionedUserIds('mail me @ home, [x](user:1), @[bad](user:abc), @[](user:3), @[x](contact:4)')).toEqual([]);
  });

  it('does not let a name span lines', () => {
    expect(mentionedUserIds('@[a\nb](user:5)')).toEqual([]);
  });
});
