// Random run names in MLflow's shape `<adjective>-<noun>-<0..1000>`, at most 20 characters.

// prettier-ignore
const ADJECTIVES = [
  'amber', 'bold', 'brave', 'bright', 'calm', 'clever', 'crisp', 'daring', 'eager', 'fancy',
  'fleet', 'gentle', 'glad', 'golden', 'grand', 'happy', 'hardy', 'honest', 'jolly', 'keen',
  'kind', 'lively', 'loyal', 'lucky', 'merry', 'mighty', 'modest', 'nimble', 'noble', 'plucky',
  'polite', 'proud', 'quick', 'quiet', 'rapid', 'serene', 'sharp', 'shiny', 'silent', 'sleek',
  'smooth', 'steady', 'stellar', 'sturdy', 'sunny', 'swift', 'tidy', 'vivid', 'warm', 'witty',
] as const;

// prettier-ignore
const NOUNS = [
  'ant', 'badger', 'bat', 'bear', 'bee', 'bison', 'cat', 'cod', 'colt', 'crab',
  'crane', 'deer', 'dove', 'eagle', 'eel', 'elk', 'falcon', 'finch', 'fox', 'frog',
  'gecko', 'goat', 'goose', 'hare', 'hawk', 'heron', 'horse', 'ibis', 'koala', 'lark',
  'lemur', 'lynx', 'mole', 'moose', 'newt', 'otter', 'owl', 'panda', 'quail', 'raven',
  'robin', 'seal', 'shrew', 'sloth', 'snail', 'stork', 'swan', 'tiger', 'toad', 'wolf',
] as const;

const MAX_LENGTH = 20;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `swift-otter-417`; the number is drawn from 0 to 1000 inclusive, as MLflow's randint does. */
export function generateRunName(random: () => number = Math.random): string {
  let name = '';
  // MLflow retries up to 10 times for a short enough name and then truncates.
  for (let attempt = 0; attempt < 10; attempt++) {
    name = `${pick(ADJECTIVES, random)}-${pick(NOUNS, random)}-${Math.floor(random() * 1001)}`;
    if (name.length <= MAX_LENGTH) return name;
  }
  return name.slice(0, MAX_LENGTH);
}
