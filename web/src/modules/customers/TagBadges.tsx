import { Badge, Group } from '@mantine/core';

export function TagBadges({ tags, max = 3 }: { tags: string[]; max?: number }) {
  const shown = tags.slice(0, max);
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((tag) => (
        <Badge key={tag} size="sm" variant="light" color="grape">
          {tag}
        </Badge>
      ))}
      {tags.length > max && (
        <Badge size="sm" variant="outline" color="gray">
          +{tags.length - max}
        </Badge>
      )}
    </Group>
  );
}
