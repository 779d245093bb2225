import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { deleteRecord } from '../records/delete-record.ts';
import { restoreRecord } from '../records/restore-record.ts';
import { IdParams, ListQuery } from '../records/record-schemas.ts';
import { COMPANY_RECORD } from './company-fields.ts';
import { CompanyCreateBody, CompanyPatchBody, CompanySchema, CompanyWithWarnings } from './company-schemas.ts';
import { createCompany } from './create-company.ts';
import { getCompany } from './get-company.ts';
import { listCompanies } from './list-companies.ts';
import { updateCompany } from './update-company.ts';

const tags = ['companies'];

export function companyRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/companies', {
      config: { access: { object: 'companies', action: 'view' } },
      schema: {
        tags,
        querystring: ListQuery,
        response: {
          200: Type.Object({
            data: Type.Array(CompanySchema),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
            total: Type.Integer(),
            total_capped: Type.Boolean(),
          }),
        },
      },
    }, async (request) => listCompanies(db, principalOf(request), request.query));

    app.post('/companies', {
      config: { access: { object: 'companies', action: 'create' } },
      schema: { tags, body: CompanyCreateBody, response: { 201: CompanyWithWarnings } },
    }, async (request, reply) => reply.status(201).send(await createCompany(db, principalOf(request), request.body)));

    app.get('/companies/:id', {
      config: { access: { object: 'companies', action: 'view' } },
      schema: { tags, params: IdParams, response: { 200: CompanySchema } },
    }, async (request) => getCompany(db, principalOf(request), request.params.id));

    app.patch('/companies/:id', {
      config: { access: { object: 'companies', action: 'edit' } },
      schema: { tags, params: IdParams, body: CompanyPatchBody, response: { 200: CompanyWithWarnings } },
    }, async (request) => updateCompany(db, principalOf(request), request.params.id, request.body));

    app.delete('/companies/:id', {
      config: { access: { object: 'companies', action: 'delete' } },
      schema: { tags, params: IdParams },
    }, async (request, reply) => {
      await deleteRecord(db, principalOf(request), COMPANY_RECORD, request.params.id);
      return reply.status(204).send();
    });

    app.post('/companies/:id/restore', {
      config: { access: { object: 'companies', action: 'delete' } },
      schema: { tags, params: IdParams, response: { 200: CompanySchema } },
    }, async (request) => {
      const principal = principalOf(request);
      await restoreRecord(db, principal, COMPANY_RECORD, request.params.id);
      return getCompany(db, principal, request.params.id);
    });
  };
}
