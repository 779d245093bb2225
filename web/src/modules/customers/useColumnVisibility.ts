import { useCallback, useMemo, useState } from 'react';
import type { CustomerObject } from './types';

export interface ListColumn {
  id: string;
  label: string;
  /** shown unless the user or a saved view hid it */
  defaultVisible: boolean;
  /** the record's name links to it: never hidden */
  locked: boolean;
}

/** Explicit choices only; a column nobody chose for (a custom field added later) keeps its default. */
type Choices = Record<string, boolean>;

const storageKey = (object: CustomerObject) => `relata.listColumns.${object}`;

function readChoices(object: CustomerObject): Choices {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(object)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  } catch {
    return {};
  }
}

function writeChoices(object: CustomerObject, choices: Choices): void {
  try {
    localStorage.setItem(storageKey(object), JSON.stringify(choices));
  } catch {
    // storage full or disabled (private mode): the choice lasts for this page only
  }
}

/**
 * Which list columns are shown. The current choice is remembered per object in localStorage;
 * a saved view carries its visible columns and replaces the choice when picked.
 */
export function useColumnVisibility(object: CustomerObject, columns: ListColumn[]) {
  const [choices, setChoices] = useState<Choices>(() => readChoices(object));

  const update = useCallback(
    (next: Choices) => {
      setChoices(next);
      writeChoices(object, next);
    },
    [object],
  );

  const visibleIds = useMemo(
    () => columns.filter((c) => c.locked || (choices[c.id] ?? c.defaultVisible)).map((c) => c.id),
    [columns, choices],
  );

  const setVisible = (id: string, visible: boolean) => update({ ...choices, [id]: visible });

  /**
   * A saved view's `columns`: exactly those are shown. A view whose list lacks the locked name column
   * was saved before the picker existed (its `columns` held only custom-field ids) and leaves the choice alone.
   */
  const applyView = (viewColumns: string[] | null | undefined) => {
    if (!viewColumns || !columns.filter((c) => c.locked).every((c) => viewColumns.includes(c.id))) return;
    update(Object.fromEntries(columns.map((c) => [c.id, c.locked || viewColumns.includes(c.id)])));
  };

  const reset = () => update({});

  return { visibleIds, setVisible, applyView, reset };
}
