// Runs the TrackingStore conformance suite on PostgreSQL, in one throwaway database emptied per test.
import { describeTrackingStoreConformance } from './conformance/index.js';
import {
  describeSkipped,
  dialectSelected,
  unreachable,
  unreachableNotice,
} from './support/server-databases.js';
import { serverStoreFactory } from './support/server-store-factory.js';

const notice = dialectSelected('postgres') ? await unreachable('postgres') : 'deselected';
if (notice === undefined)
  describeTrackingStoreConformance('postgres', serverStoreFactory('postgres', 'conf'));
else {
  if (notice !== 'deselected') unreachableNotice(`postgres conformance: ${notice}`);
  describeSkipped('postgres');
}
