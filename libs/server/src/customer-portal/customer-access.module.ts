import { Module } from '@nestjs/common';
import { CustomerAccessService } from './customer-access.service';

/** Customer tokens on their own, so mail (which mints links) and the public API can both use them. */
@Module({
  providers: [CustomerAccessService],
  exports: [CustomerAccessService],
})
export class CustomerAccessModule {}
