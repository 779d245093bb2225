import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { createProduct } from './create-product.ts';
import { deleteProduct } from './delete-product.ts';
import { getProduct, listProducts } from './list-products.ts';
import { ProductSchema } from './product-json.ts';
import { updateProduct } from './update-product.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const Price = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export function productsRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/products', {
      config: { access: { object: 'products', action: 'view' } },
      schema: {
        tags: ['products'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          active: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(ProductSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listProducts(db, principalOf(request), request.query));

    app.get('/products/:id', {
      config: { access: { object: 'products', action: 'view' } },
      schema: { tags: ['products'], params: Type.Object({ id: Id }), response: { 200: ProductSchema } },
    }, async (request) => getProduct(db, principalOf(request), request.params.id));

    app.post('/products', {
      config: { access: { object: 'products', action: 'create' } },
      schema: {
        tags: ['products'],
        body: Type.Object({
          sku: Type.String({ minLength: 1, maxLength: 100 }),
          name: Type.String({ minLength: 1, maxLength: 300 }),
          price_minor: Price,
          currency: Currency,
          active: Type.Optional(Type.Boolean()),
        }, { additionalProperties: false }),
        response: { 201: ProductSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createProduct(db, principalOf(request), request.body)));

    app.patch('/products/:id', {
      config: { access: { object: 'products', action: 'edit' } },
      schema: {
        tags: ['products'],
        params: Type.Object({ id: Id }),
        body: Type.Object({
          version: Type.Integer({ minimum: 1 }),
          sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          price_minor: Type.Optional(Price),
          currency: Type.Optional(Currency),
          active: Type.Optional(Type.Boolean()),
        }, { additionalProperties: false }),
        response: { 200: ProductSchema },
      },
    }, async (request) => updateProduct(db, principalOf(request), request.params.id, request.body));

    app.delete('/products/:id', {
      config: { access: { object: 'products', action: 'delete' } },
      schema: { tags: ['products'], params: Type.Object({ id: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      await deleteProduct(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
