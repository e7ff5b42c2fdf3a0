import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRecord, PublicAttachment } from '@shopdesk/contracts/public';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { AttachmentStore, type IncomingFile, type StoredFile } from './attachment-store';
import { AttachmentEntity } from './attachment.entity';

export type { AttachmentRecord };

export const toAttachmentRecord = (a: AttachmentEntity): AttachmentRecord => ({
  id: a.id,
  ticketId: a.ticketId,
  messageId: a.messageId,
  filename: a.filename,
  size: a.size,
  contentType: a.contentType,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt.toISOString(),
});

const toPublic = ({ id, filename, size, contentType, createdAt }: AttachmentRecord): PublicAttachment => ({ id, filename, size, contentType, createdAt });

/** Evidence files of tickets: checked and written before the ticket's transaction, recorded inside it. */
@Injectable()
export class AttachmentsService {
  readonly store: AttachmentStore;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new AttachmentStore(config.attachmentsDir);
  }

  check(files: IncomingFile[]): Promise<StoredFile[]> {
    return this.store.check(files);
  }

  writeFiles(files: IncomingFile[], checked: StoredFile[]): Promise<void> {
    return this.store.write(files, checked);
  }

  /** Rows for files already written, in the caller's transaction. */
  async record(
    m: EntityManager,
    ticketId: string,
    messageId: string | null,
    files: StoredFile[],
    uploadedBy: 'customer' | 'agent',
  ): Promise<PublicAttachment[]> {
    if (!files.length) return [];
    const rows = files.map((f) => m.create(AttachmentEntity, { ticketId, messageId, uploadedBy, ...f, createdAt: new Date() }));
    await m.insert(AttachmentEntity, rows);
    return rows.map((r) => toPublic(toAttachmentRecord(r)));
  }

  async listForTicket(ticketId: string): Promise<AttachmentRecord[]> {
    const rows = await this.db.getRepository(AttachmentEntity).find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toAttachmentRecord);
  }

  listPublic(ticketId: string): Promise<PublicAttachment[]> {
    return this.listForTicket(ticketId).then((rows) => rows.map(toPublic));
  }

  /** The file of `attachmentId` only if it belongs to `ticketId` (no access through another ticket's id). */
  async read(ticketId: string, attachmentId: string): Promise<{ meta: AttachmentRecord; bytes: Buffer }> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const row = uuid.test(attachmentId) ? await this.db.getRepository(AttachmentEntity).findOneBy({ id: attachmentId, ticketId }) : null;
    if (!row) throw new DomainError('NOT_FOUND', '첨부 파일을 찾을 수 없습니다. / Attachment not found.');
    return { meta: toAttachmentRecord(row), bytes: await this.store.read(row.sha256) };
  }
}
