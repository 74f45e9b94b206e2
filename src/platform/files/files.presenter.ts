/** Stored files on the wire. */
import type { StoredFile } from '../../contracts/assistance.js';
import type { FileRow } from './files.repo.js';
import { hasThumbnail } from './files.thumbs.js';

export function presentFile(r: FileRow): StoredFile {
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    size: Number(r.size),
    originalName: r.original_name,
    unitId: r.unit_id,
    createdAt: new Date(r.created_at).toISOString(),
    url: `/api/files/${r.id}`,
    thumbnailUrl: hasThumbnail(r.mime) ? `/api/files/${r.id}/thumbnail` : null,
  };
}
