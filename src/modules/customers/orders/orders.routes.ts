import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { createOrder } from './create-order.ts';
import { deleteOrder } from './delete-order.ts';
import { getOrder } from './get-order.ts';
import { listOrders } from './list-orders.ts';
import { ORDER_STATUSES, OrderSchema } from './order-json.ts';
import { updateOrder } from './update-order.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$' });
const Status = Type.Enum(ORDER_STATUSES);

const LineInput = Type.Object({
  product_id: Type.Optional(Id),
  product_name: Type.Optional(Type.String({ maxLength: 300 })),
  quantity: Type.Number({ exclusiveMinimum: 0 }),
  unit_price_minor: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
}, { additionalProperties: false });

export function ordersRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/orders', {
      config: { access: { object: 'orders', action: 'view' } },
      schema: {
        tags: ['orders'],
        querystring: Type.Object({
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
          status: Type.Optional(Status),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(OrderSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listOrders(db, principalOf(request), request.query));

    app.get('/orders/:id', {
      config: { access: { object: 'orders', action: 'view' } },
      schema: { tags: ['orders'], params: Type.Object({ id: Id }), response: { 200: OrderSchema } },
    }, async (request) => getOrder(db, principalOf(request), request.params.id));

    app.post('/orders', {
      config: { access: { object: 'orders', action: 'create' } },
      schema: {
        tags: ['orders'],
        body: Type.Object({
          number: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
          status: Status,
          channel: Type.Optional(Type.String({ maxLength: 50 })),
          ordered_at: Type.String({ format: 'date-time' }),
          currency: Type.String({ pattern: '^[A-Z]{3}$' }),
          lines: Type.Array(LineInput, { minItems: 1, maxItems: 500 }),
        }, { additionalProperties: false }),
        response: { 201: OrderSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createOrder(db, principalOf(request), request.body)));

    app.patch('/orders/:id', {
      config: { access: { object: 'orders', action: 'edit' } },
      schema: {
        tags: ['orders'],
        params: Type.Object({ id: Id }),
        body: Type.Object({
          version: Type.Integer({ minimum: 1 }),
          status: Type.Optional(Status),
          channel: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
        }, { additionalProperties: false }),
        response: { 200: OrderSchema },
      },
    }, async (request) => updateOrder(db, principalOf(request), request.params.id, request.body));

    app.delete('/orders/:id', {
      config: { access: { object: 'orders', action: 'delete' } },
      schema: { tags: ['orders'], params: Type.Object({ id: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      await deleteOrder(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
