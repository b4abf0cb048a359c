import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import {
  CHANNEL_PREFIX,
  WHARF_EVENT_NAMES,
  WHARF_METHOD_NAMES,
  eventChannel,
  isWharfEventName,
  isWharfMethod,
  methodChannel,
  type WharfMethod,
  type WharfRequest,
} from '../../common/ipc/contract';
import { WHARF_VALIDATORS } from '../../common/ipc/schemas';
import { VALID_REQUESTS } from './request-examples';

// Compile-time: every request type is accepted by its validator's input type (the `satisfies` in
// schemas.ts checks the other direction: the validator never yields something the method does not take).
type DeepWritable<T> = T extends readonly (infer U)[] ? DeepWritable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepWritable<T[K]> } : T;
type Rejected = { [M in WharfMethod]: DeepWritable<WharfRequest<M>> extends z.input<(typeof WHARF_VALIDATORS)[M]> ? never : M }[WharfMethod];
const everyRequestTypeIsAccepted: [Rejected] extends [never] ? true : Rejected = true;

describe('the IPC contract', () => {
  it('has a validator for exactly the methods it declares', () => {
    assert.equal(everyRequestTypeIsAccepted, true);
    assert.deepEqual(Object.keys(WHARF_VALIDATORS).sort(), [...WHARF_METHOD_NAMES].sort());
    assert.deepEqual(Object.keys(VALID_REQUESTS).sort(), [...WHARF_METHOD_NAMES].sort());
  });

  it('generates one distinct wharf: channel per method and per event', () => {
    const channels = [...WHARF_METHOD_NAMES.map(methodChannel), ...WHARF_EVENT_NAMES.map(eventChannel)];
    assert.equal(new Set(channels).size, channels.length);
    for (const channel of channels) assert.ok(channel.startsWith(CHANNEL_PREFIX), channel);
    assert.equal(methodChannel('localList'), 'wharf:localList');
    assert.equal(eventChannel('queueUpdate'), 'wharf:event:queueUpdate');
  });

  it('does not mistake inherited object keys for methods or events', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'wharf:localList']) {
      assert.equal(isWharfMethod(name), false, name);
      assert.equal(isWharfEventName(name), false, name);
    }
    assert.equal(isWharfMethod(42), false);
  });
});
