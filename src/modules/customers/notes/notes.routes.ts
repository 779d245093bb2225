import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { createNote } from './create-note.ts';
import { deleteNote } from './delete-note.ts';
import { listNotes } from './list-notes.ts';
import { NoteSchema } from './note-json.ts';
import { updateNote } from './update-note.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$' });
// The 10,000-character rule is checked by the use case (FIELD_TOO_LONG); this bound only stops abuse early.
const Body = Type.String({ maxLength: 100_000 });

export function notesRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/notes', {
      config: { access: { object: 'notes', action: 'view' } },
      schema: {
        tags: ['notes'],
        querystring: Type.Object({
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(NoteSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listNotes(db, principalOf(request), request.query));

    app.post('/notes', {
      config: { access: { object: 'notes', action: 'create' } },
      schema: {
        tags: ['notes'],
        body: Type.Object({ contact_id: Type.Optional(Id), company_id: Type.Optional(Id), body: Body }, { additionalProperties: false }),
        response: { 201: NoteSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createNote(db, principalOf(request), request.body)));

    // Authors may edit and delete their own notes whatever their role says; the use case checks the rest.
    app.patch('/notes/:id', {
      config: { access: { object: 'notes', action: 'view' } },
      schema: {
        tags: ['notes'],
        params: Type.Object({ id: Id }),
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 200: NoteSchema },
      },
    }, async (request) => updateNote(db, principalOf(request), request.params.id, request.body));

    app.delete('/notes/:id', {
      config: { access: { object: 'notes', action: 'view' } },
      schema: { tags: ['notes'], params: Type.Object({ id: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      await deleteNote(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
