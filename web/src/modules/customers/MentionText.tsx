import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

const MENTION = /@\[([^\]]+)\]\(user:([^)]+)\)/g;

/** Renders note bodies, showing `@[Name](user:ID)` mentions as highlighted names. */
export function MentionText({ body }: { body: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(body.slice(last, index));
    parts.push(
      <Text span c="teal.7" fw={600} key={`${index}-${match[2]}`}>
        @{match[1]}
      </Text>,
    );
    last = index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {parts}
    </Text>
  );
}
