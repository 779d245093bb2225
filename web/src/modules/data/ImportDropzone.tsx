import { Button, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  onFile: (file: File) => void;
  /** 0..1 while a file is being sent, null otherwise */
  progress: number | null;
  disabled?: boolean;
}

/** Drop a CSV/XLSX file here, or pick one with the button (phones have no drag and drop). */
export function ImportDropzone({ onFile, progress, disabled = false }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy && !disabled) onFile(file);
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-teal-6)' : undefined }}
      bg={over ? 'var(--mantine-color-teal-0)' : undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-dropzone"
    >
      <Stack align="center" gap="xs">
        <IconFileUpload size={36} stroke={1.4} color="var(--mantine-color-teal-7)" />
        <Text fw={500} ta="center">{t('data.import.dropHere')}</Text>
        <Text size="sm" c="dimmed" ta="center">{t('data.import.formats')}</Text>
        <Button variant="light" onClick={() => input.current?.click()} loading={busy} disabled={disabled} data-testid="import-pick-file">
          {t('data.import.pickFile')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // the same file picked twice must fire again
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        {busy && <Progress value={progress * 100} w="100%" size="sm" aria-label={t('data.import.uploading')} />}
      </Stack>
    </Paper>
  );
}
