import { Paper, Textarea, UnstyledButton, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useUsers } from '../accounts/useUsers';
import type { User } from '../accounts/types';

interface Props {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  'data-testid'?: string;
}

/** The `@query` typed just before the caret, if the caret is inside a mention being written. */
const TRIGGER = /(^|\s)@([^\s@[\]()]{0,30})$/;

/**
 * Textarea with @mention suggestions. A picked user is written as `@[Name](user:ID)`,
 * the markup the server parses to notify the mentioned user.
 */
export function MentionTextarea({ label, placeholder, value, onChange, 'data-testid': testId }: Props) {
  const users = useUsers();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const suggestions: User[] =
    query === null
      ? []
      : (users.data ?? []).filter((u) => u.active && u.name.toLowerCase().includes(query.toLowerCase())).slice(0, 6);

  const detect = (text: string, caret: number) => {
    const match = TRIGGER.exec(text.slice(0, caret));
    setQuery(match ? (match[2] ?? '') : null);
    setActive(0);
  };

  const pick = (user: User) => {
    const el = ref.current;
    const caret = el?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(/@([^\s@[\]()]{0,30})$/, `@[${user.name}](user:${user.id}) `);
    const next = before + value.slice(caret);
    onChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % suggestions.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
    else if (event.key === 'Enter' || event.key === 'Tab') {
      const user = suggestions[active];
      if (user) pick(user);
    } else if (event.key === 'Escape') setQuery(null);
    else return;
    event.preventDefault();
  };

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        ref={ref}
        label={label}
        placeholder={placeholder}
        autosize
        minRows={3}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          detect(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        data-testid={testId}
      />
      {suggestions.length > 0 && (
        <Paper shadow="md" withBorder p={4} role="listbox" style={{ position: 'absolute', zIndex: 20, left: 0, right: 0, maxWidth: 320 }} data-testid="mention-suggestions">
          {suggestions.map((user, index) => (
            <UnstyledButton
              key={user.id}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(user);
              }}
              p={6}
              w="100%"
              bg={index === active ? 'var(--mantine-color-teal-light)' : undefined}
              style={{ borderRadius: 4 }}
            >
              <Text size="sm">{user.name}</Text>
              <Text size="xs" c="dimmed">
                {user.email}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </div>
  );
}
