import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { searchRecords } from './search-records.ts';

const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'what the user typed: a name, pinyin, email, or the last digits of a phone' }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
});

const SearchHitSchema = Type.Object({
  type: Type.Union([Type.Literal('contact'), Type.Literal('company')]),
  id: Type.String(),
  title: Type.Union([Type.String(), Type.Null()], { description: 'the name as the caller\'s role may see it; null when the role hides it' }),
  subtitle: Type.String(),
  matched: Type.Union([Type.Literal('name'), Type.Literal('pinyin'), Type.Literal('email'), Type.Literal('phone'), Type.Literal('domain')]),
});

/** GET /search: any signed-in user; results only from objects the role may view, within its data scope. */
export function searchRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/search', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['search'],
        summary: 'As-you-type search over contacts and companies',
        querystring: SearchQuery,
        response: { 200: Type.Object({ data: Type.Array(SearchHitSchema) }) },
      },
    }, async (request) => {
      const { q, limit } = request.query;
      return { data: await searchRecords(db, principalOf(request), q, limit) };
    });
  };
}
