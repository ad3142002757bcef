// Where uploaded files live. The default keeps them on local disk under DATA_DIR/uploads/; the
// interface is small so an S3-compatible store can replace it. Keys are generated here from a
// folder id and a random name: nothing a user typed ever becomes part of a path.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "./env.server";

export type FileStorage = {
  /** Stores the bytes under a new key in `folder` (an id such as a conversation id) and returns it. */
  put(folder: string, bytes: Uint8Array): Promise<string>;
  read(key: string): Promise<Buffer>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
};

const SAFE_FOLDER = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_KEY = /^[A-Za-z0-9_-]{1,64}\/[a-f0-9]{32}$/;

function assertKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

export function localDiskStorage(root: string): FileStorage {
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(folder, bytes) {
      if (!SAFE_FOLDER.test(folder)) throw new Error(`Invalid storage folder: ${JSON.stringify(folder)}`);
      const key = `${folder}/${crypto.randomBytes(16).toString("hex")}`;
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // "wx": never overwrite, even if two random names ever met.
      await fs.writeFile(file, bytes, { flag: "wx" });
      return key;
    },
    read: (key) => fs.readFile(fileOf(key)),
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

let storage: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  return (storage ??= localDiskStorage(path.join(getEnv().dataDir, "uploads")));
}

/** Tests (and a future S3 store) swap the implementation. */
export function setFileStorage(next: FileStorage | undefined): void {
  storage = next;
}
