import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { memoryStorage } from 'multer';
import { ATTACHMENT_RULES, bilingual, type PublicFormInfo, type PublicTicketView } from '@shopdesk/contracts/public';
import { sendAttachment } from '../attachments/attachment-response';
import { AttachmentsService } from '../attachments/attachments.service';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../core/errors/domain-error';
import { RateLimit, THROTTLERS } from '../core/rate-limit/rate-limit.module';
import { PublicIntakeService } from './public-intake.service';
import { PublicStatusService } from './public-status.service';

const msg = bilingual;

/** Multipart: a `payload` part (JSON) plus `files`; one more file than allowed so the count error names the field. */
const uploads = () =>
  FilesInterceptor('files', ATTACHMENT_RULES.maxFiles + 1, {
    storage: memoryStorage(),
    limits: { fileSize: ATTACHMENT_RULES.maxFileBytes, files: ATTACHMENT_RULES.maxFiles + 1, fields: 4, fieldSize: 200_000, parts: 12 },
  });

/** The JSON body, or the `payload` part of a multipart body. */
function payloadOf(req: Request, body: unknown): unknown {
  if (!req.is('multipart/form-data')) return body;
  const raw = (body as { payload?: unknown } | undefined)?.payload;
  if (typeof raw !== 'string') {
    throw new DomainError('VALIDATION_FAILED', msg('payload 항목(JSON)이 필요합니다.', 'A payload part (JSON) is required.'), { payload: 'is required' });
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new DomainError('VALIDATION_FAILED', msg('payload가 올바른 JSON이 아닙니다.', 'payload is not valid JSON.'), { payload: 'is not valid JSON' });
  }
}

function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (!/^[\x21-\x7e]{8,200}$/.test(header)) {
    throw new DomainError('VALIDATION_FAILED', msg('Idempotency-Key는 8~200자의 출력 가능한 문자여야 합니다.', 'Idempotency-Key must be 8–200 printable characters.'), {
      'Idempotency-Key': 'must be 8–200 printable characters',
    });
  }
  return header;
}

/** Multipart file names arrive as latin1-decoded bytes; browsers send UTF-8 (Korean names). */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

const files = (f: Express.Multer.File[] | undefined) =>
  (f ?? []).map(({ originalname, size, buffer }) => ({ originalname: utf8Name(originalname), size, buffer }));

/** The customer side: no account; a ticket is reached only with its reference plus its secret token. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly intake: PublicIntakeService,
    private readonly status: PublicStatusService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('form')
  @RateLimit(THROTTLERS.publicRead)
  form(@Res({ passthrough: true }) res: Response): Promise<PublicFormInfo> {
    res.setHeader('Cache-Control', 'no-store');
    return this.intake.formInfo();
  }

  @Post('tickets')
  @RateLimit(THROTTLERS.publicIntake)
  @UseInterceptors(uploads())
  async create(
    @Req() req: Request,
    @Body() body: unknown,
    @UploadedFiles() uploaded: Express.Multer.File[] | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.intake.submit({ body: payloadOf(req, body), files: files(uploaded), idempotencyKey: idempotencyKeyOf(key) });
    res.status(result.status);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('Cache-Control', 'no-store');
    return result.body;
  }

  @Post('links')
  @RateLimit(THROTTLERS.publicIntake)
  @HttpCode(202)
  async links(@Body() body: unknown): Promise<{ message: string }> {
    await this.status.resendLinks(body);
    return {
      message: msg(
        '입력한 이메일로 접수된 문의가 있으면 새 링크를 보내 드렸습니다. 메일함을 확인해 주세요.',
        'If there is a request under this e-mail address, we have sent a new link. Please check your inbox.',
      ),
    };
  }

  @Get('tickets/:reference')
  @RateLimit(THROTTLERS.publicRead)
  async view(@Param('reference') reference: string, @Headers('x-ticket-token') token: string | undefined, @Res({ passthrough: true }) res: Response): Promise<PublicTicketView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.status.view(await this.status.open(reference, token));
  }

  @Post('tickets/:reference/messages')
  @RateLimit(THROTTLERS.publicRead)
  @UseInterceptors(uploads())
  async reply(
    @Param('reference') reference: string,
    @Headers('x-ticket-token') token: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Body() body: unknown,
    @UploadedFiles() uploaded: Express.Multer.File[] | undefined,
  ): Promise<PublicTicketView> {
    const ref = await this.status.open(reference, token);
    return this.status.reply(ref, payloadOf(req, body), files(uploaded), idempotencyKeyOf(key));
  }

  @Post('tickets/:reference/confirm')
  @RateLimit(THROTTLERS.publicRead)
  @HttpCode(200)
  async confirm(@Param('reference') reference: string, @Headers('x-ticket-token') token: string | undefined): Promise<PublicTicketView> {
    return this.status.confirm(await this.status.open(reference, token));
  }

  @Post('tickets/:reference/reopen')
  @RateLimit(THROTTLERS.publicRead)
  @HttpCode(200)
  async reopen(@Param('reference') reference: string, @Headers('x-ticket-token') token: string | undefined): Promise<PublicTicketView> {
    return this.status.reopen(await this.status.open(reference, token));
  }

  @Get('tickets/:reference/attachments/:attachmentId')
  @RateLimit(THROTTLERS.publicRead)
  async attachment(
    @Param('reference') reference: string,
    @Param('attachmentId') attachmentId: string,
    @Headers('x-ticket-token') token: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const ref = await this.status.open(reference, token);
    const { meta, bytes } = await this.attachments.read(ref.id, attachmentId);
    sendAttachment(res, meta, bytes);
  }
}
