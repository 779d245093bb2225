import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../accounts/useSession';
import { ImportDropzone } from './ImportDropzone';
import { ImportSetup } from './ImportSetup';
import { IMPORT_OBJECTS, type ImportObject, type ImportUpload } from './types';
import { uploadImportFile } from './uploadImportFile';

/** A new import: pick the object and the file; the server's preview then drives the mapping step. */
export function ImportWizard() {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession();
  const objects = IMPORT_OBJECTS.filter((object) => can(object, 'import'));
  const [object, setObject] = useState<ImportObject>(objects[0] ?? 'contacts');
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (objects.length === 0) return <Alert color="gray">{t('data.import.notAllowed')}</Alert>;
  if (upload) return <ImportSetup object={object} upload={upload} onBack={() => setUpload(null)} />;

  const send = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      setUpload(await uploadImportFile(object, file, session.csrf_token, setProgress));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('data.import.object')}</Text>
        <SegmentedControl
          value={object}
          onChange={(value) => setObject(objects.find((o) => o === value) ?? object)}
          data={objects.map((o) => ({ value: o, label: t(`data.objects.${o}`) }))}
          data-testid="import-object"
          fullWidth
        />
      </Stack>
      <ImportDropzone onFile={(file) => void send(file)} progress={progress} />
      {error && <Alert color="red" data-testid="import-upload-error">{error}</Alert>}
    </Stack>
  );
}
