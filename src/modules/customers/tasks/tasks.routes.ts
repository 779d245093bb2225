import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { createTask } from './create-task.ts';
import { deleteTask } from './delete-task.ts';
import { getTask } from './get-task.ts';
import { listTasks } from './list-tasks.ts';
import { TaskSchema } from './task-json.ts';
import { updateTask } from './update-task.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$' });
const NullableId = Type.Union([Id, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export function tasksRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/tasks', {
      config: { access: { object: 'tasks', action: 'view' } },
      schema: {
        tags: ['tasks'],
        querystring: Type.Object({
          assignee_id: Type.Optional(Type.Union([Type.Literal('me'), Id])),
          done: Type.Optional(Type.Boolean()),
          due_before: Type.Optional(Timestamp),
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(TaskSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listTasks(db, principalOf(request), request.query));

    app.get('/tasks/:id', {
      config: { access: { object: 'tasks', action: 'view' } },
      schema: { tags: ['tasks'], params: Type.Object({ id: Id }), response: { 200: TaskSchema } },
    }, async (request) => getTask(db, principalOf(request), request.params.id));

    app.post('/tasks', {
      config: { access: { object: 'tasks', action: 'create' } },
      schema: {
        tags: ['tasks'],
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 500 }),
          description: Type.Optional(Type.String({ maxLength: 10_000 })),
          due_at: Type.Optional(Timestamp),
          assignee_id: Type.Optional(Id),
          contact_id: Type.Optional(Id),
          company_id: Type.Optional(Id),
        }, { additionalProperties: false }),
        response: { 201: TaskSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createTask(db, principalOf(request), request.body)));

    app.patch('/tasks/:id', {
      config: { access: { object: 'tasks', action: 'edit' } },
      schema: {
        tags: ['tasks'],
        params: Type.Object({ id: Id }),
        body: Type.Object({
          version: Type.Integer({ minimum: 1 }),
          title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          description: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
          due_at: Type.Optional(Type.Union([Timestamp, Type.Null()])),
          done: Type.Optional(Type.Boolean()),
          assignee_id: Type.Optional(Id),
          contact_id: Type.Optional(NullableId),
          company_id: Type.Optional(NullableId),
        }, { additionalProperties: false }),
        response: { 200: TaskSchema },
      },
    }, async (request) => updateTask(db, principalOf(request), request.params.id, request.body));

    app.delete('/tasks/:id', {
      config: { access: { object: 'tasks', action: 'delete' } },
      schema: { tags: ['tasks'], params: Type.Object({ id: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      await deleteTask(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
