// Runs the TrackingStore conformance suite on MySQL, in one throwaway database emptied per test.
import { describeTrackingStoreConformance } from './conformance/index.js';
import {
  describeSkipped,
  dialectSelected,
  unreachable,
  unreachableNotice,
} from './support/server-databases.js';
import { serverStoreFactory } from './support/server-store-factory.js';

const notice = dialectSelected('mysql') ? await unreachable('mysql') : 'deselected';
if (notice === undefined)
  describeTrackingStoreConformance('mysql', serverStoreFactory('mysql', 'conf'), {
    textCollation: 'case-insensitive',
  });
else {
  if (notice !== 'deselected') unreachableNotice(`mysql conformance: ${notice}`);
  describeSkipped('mysql');
}
