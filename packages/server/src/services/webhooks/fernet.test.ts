// Fernet against tokens made by python's cryptography (the library MLflow encrypts webhook secrets with).
import { describe, expect, it } from 'vitest';
import { Fernet, InvalidFernetToken } from './fernet.js';

// Made with: Fernet(KEY)._encrypt_from_parts(b"my-secret", 1700000000, bytes(range(16)))
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const PYTHON_TOKEN =
  'gAAAAABlU_EAAAECAwQFBgcICQoLDA0OD3jNai7LadnKAYvFOfzNi2ophwcuTXmonQJ_MMwVtLD1yjL__u29K_7GXhPd8HdJHg==';

describe('Fernet', () => {
  it('round-trips text, unicode and the empty string', () => {
    const f = new Fernet(Fernet.generateKey());
    for (const text of ['s3cr3t', 'ключ ✓', '']) expect(f.decrypt(f.encrypt(text))).toBe(text);
  });

  it('writes exactly the token python writes for the same time and IV', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('my-secret', 1700000000, Buffer.from([...Array(16).keys()]));
    expect(token).toBe(PYTHON_TOKEN);
    expect(f.decrypt(PYTHON_TOKEN)).toBe('my-secret');
  });

  it('refuses tokens made with another key or altered', () => {
    const token = new Fernet(Fernet.generateKey()).encrypt('x');
    expect(() => new Fernet(KEY).decrypt(token)).toThrow(InvalidFernetToken);
    expect(() => new Fernet(KEY).decrypt('not-a-token')).toThrow(InvalidFernetToken);
  });

  it('refuses keys that are not 32 url-safe base64 bytes, with cryptography message', () => {
    expect(() => new Fernet('short')).toThrow('Fernet key must be 32 url-safe base64-encoded bytes.');
  });
});
