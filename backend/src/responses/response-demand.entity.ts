import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Demand } from '../demands/demand.entity.js';
import { Response } from './response.entity.js';

/** A response answers a demand. */
@Entity('response_demands')
export class ResponseDemand {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'response_demands_pkey' })
  responseId: string;

  @Index('response_demands_demand_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'response_demands_pkey' })
  demandId: string;

  @ManyToOne(() => Response, (r) => r.answers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'response_demands_response_id_fkey' })
  response?: Relation<Response>;

  @ManyToOne(() => Demand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'response_demands_demand_id_fkey' })
  demand?: Relation<Demand>;
}
