// decodeRequest with route path parameters: the path value lands in the message and wins over the body.
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { defineEndpoint } from '../endpoint.js';
import { decodeRequest } from './decode-request.js';

const endpoint = defineEndpoint({
  name: 'updateThing',
  methods: ['PATCH'],
  path: '/things/:thing_id',
  since: 2,
  request: Type.Object({ thing_id: Type.String(), name: Type.String() }),
  response: Type.Object({}),
});

describe('decodeRequest path parameters', () => {
  it('copies the path value into the message', () => {
    const req = decodeRequest(endpoint, {
      method: 'PATCH',
      query: {},
      body: { name: 'n' },
      pathParams: { thing_id: 'abc' },
    });
    expect(req).toEqual({ thing_id: 'abc', name: 'n' });
  });

  it('ignores a body field of the same name', () => {
    const req = decodeRequest(endpoint, {
      method: 'PATCH',
      query: {},
      body: { thing_id: 'from-body', name: 'n' },
      pathParams: { thing_id: 'from-path' },
    });
    expect(req.thing_id).toBe('from-path');
  });

  it('leaves the message alone without path parameters', () => {
    const req = decodeRequest(endpoint, { method: 'PATCH', query: {}, body: { thing_id: 'x' } });
    expect(req).toEqual({ thing_id: 'x', name: '' });
  });
});
