import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { deleteRecord } from '../records/delete-record.ts';
import { restoreRecord } from '../records/restore-record.ts';
import { IdParams, ListQuery } from '../records/record-schemas.ts';
import { CONTACT_RECORD } from './contact-fields.ts';
import { ContactCreateBody, ContactPatchBody, ContactSchema, ContactWithWarnings } from './contact-schemas.ts';
import { createContact } from './create-contact.ts';
import { getContact } from './get-contact.ts';
import { listContacts } from './list-contacts.ts';
import { updateContact } from './update-contact.ts';

const tags = ['contacts'];

export function contactRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/contacts', {
      config: { access: { object: 'contacts', action: 'view' } },
      schema: {
        tags,
        querystring: ListQuery,
        response: {
          200: Type.Object({
            data: Type.Array(ContactSchema),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
            total: Type.Integer(),
            total_capped: Type.Boolean(),
          }),
        },
      },
    }, async (request) => listContacts(db, principalOf(request), request.query));

    app.post('/contacts', {
      config: { access: { object: 'contacts', action: 'create' } },
      schema: { tags, body: ContactCreateBody, response: { 201: ContactWithWarnings } },
    }, async (request, reply) => reply.status(201).send(await createContact(db, principalOf(request), request.body)));

    app.get('/contacts/:id', {
      config: { access: { object: 'contacts', action: 'view' } },
      schema: { tags, params: IdParams, response: { 200: ContactSchema } },
    }, async (request) => getContact(db, principalOf(request), request.params.id));

    app.patch('/contacts/:id', {
      config: { access: { object: 'contacts', action: 'edit' } },
      schema: { tags, params: IdParams, body: ContactPatchBody, response: { 200: ContactWithWarnings } },
    }, async (request) => updateContact(db, principalOf(request), request.params.id, request.body));

    app.delete('/contacts/:id', {
      config: { access: { object: 'contacts', action: 'delete' } },
      schema: { tags, params: IdParams },
    }, async (request, reply) => {
      await deleteRecord(db, principalOf(request), CONTACT_RECORD, request.params.id);
      return reply.status(204).send();
    });

    app.post('/contacts/:id/restore', {
      config: { access: { object: 'contacts', action: 'delete' } },
      schema: { tags, params: IdParams, response: { 200: ContactSchema } },
    }, async (request) => {
      const principal = principalOf(request);
      await restoreRecord(db, principal, CONTACT_RECORD, request.params.id);
      return getContact(db, principal, request.params.id);
    });
  };
}
