import { Badge } from '@mantine/core';

/** The pair's match score as a percentage; the colour says how sure the match is. */
export function ScoreBadge({ score }: { score: number }) {
  const color = score >= 0.9 ? 'red' : score >= 0.75 ? 'orange' : 'yellow';
  return (
    <Badge color={color} variant="filled" style={{ flexShrink: 0 }} data-testid="duplicate-score">
      {Math.round(score * 100)}%
    </Badge>
  );
}
