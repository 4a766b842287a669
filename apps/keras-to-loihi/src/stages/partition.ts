import { isSnnError, type Graph } from '@snn/ir';
import { autoPartition, coreTable, graphToLoihiLayers, splitNetwork, validateBlock, type LoihiLayer, type NetworkPartition } from '@snn/loihi';
import { formatTable, htmlTable, paragraph } from '@snn/report';
import type { LoihiWalk } from '../walk.js';

export const PARTITION_STAGE = '6. Partitioning into cores';

/** The example's block shapes for its three on-chip layers (spec §5): conv0 in 8 blocks of 13x13x4, conv1 in 4 of 6x6x16, dense0 in 2 of 50. */
const EXAMPLE_SHAPES: readonly (readonly number[])[] = [[16, 16, 4], [8, 8, 16], [50]];

/** How the network was partitioned, for the emulator and energy stages. */
export interface PartitionResult {
  readonly layers: readonly LoihiLayer[];
  /** The automatic partition (the fewest cores). */
  readonly partition: NetworkPartition;
  /** Cores each way: the example's block shapes, Nengo Loihi's sequential split, the automatic partitioner. */
  readonly cores: { readonly example?: number; readonly sequential: number; readonly automatic: number };
}

/** A partition's block shape and block count per layer, e.g. `(902) x6, (6, 6, 22) x3, (50) x2`. */
function shapesPerLayer(partition: NetworkPartition): string {
  return partition.layers.map((l) => `(${l.blockShape.shape.join(', ')}) x${l.blocks.length}`).join(', ');
}

/** Each limit one block per layer breaks, in Nengo Loihi's words. */
function onePerLayerErrors(layers: readonly LoihiLayer[]): string[] {
  const whole = Object.fromEntries(layers.filter((l) => !l.offChip).map((l) => [l.name, l.shape]));
  const errors: string[] = [];
  for (const layer of splitNetwork(layers, whole, false).layers) {
    for (const block of layer.blocks) {
      try {
        validateBlock(block);
      } catch (e) {
        if (!isSnnError(e)) throw e;
        errors.push(e.message.replace(/ Give this layer.*$/, ''));
      }
    }
  }
  return errors;
}

/**
 * Stage 6: split the network's on-chip layers (the to-spikes layer runs on the host) into
 * Loihi cores: the example's block shapes (16,16,4), (8,8,16), (50,); one core per layer,
 * which breaks the core limits with Nengo Loihi's errors; Nengo Loihi's own sequential
 * split; and the automatic partitioner, whose per-core table is printed.
 */
export function partitionStage(walk: LoihiWalk, graph: Graph): PartitionResult {
  walk.io.out(`\n== ${PARTITION_STAGE}\n`);
  const layers = graphToLoihiLayers(graph);
  const chip = layers.filter((l) => !l.offChip);
  const rows: string[][] = [];
  let example: number | undefined;
  if (chip.length === EXAMPLE_SHAPES.length && chip.every((l, i) => l.shape.length === EXAMPLE_SHAPES[i]!.length)) {
    const given = Object.fromEntries(chip.map((l, i) => [l.name, EXAMPLE_SHAPES[i]!]));
    const p = splitNetwork(layers, given);
    example = p.cores;
    rows.push(['the example\'s block shapes', shapesPerLayer(p), String(p.cores)]);
  }
  const errors = onePerLayerErrors(layers);
  rows.push(['one core per layer', errors.length > 0 ? `does not fit: ${errors.length} limit${errors.length === 1 ? '' : 's'} exceeded` : 'fits', errors.length > 0 ? '-' : String(chip.length)]);
  const sequential = splitNetwork(layers, {});
  rows.push(['Nengo Loihi\'s sequential split', shapesPerLayer(sequential), String(sequential.cores)]);
  const partition = autoPartition(layers);
  rows.push(['automatic partitioner', shapesPerLayer(partition), String(partition.cores)]);
  const headers = ['partition', 'block shape x blocks per layer', 'cores'];
  const align = ['left', 'left', 'right'] as const;
  const table = coreTable(partition);
  walk.io.out(
    `${formatTable(headers, rows, [...align])}  on-chip layers: ${chip.map((l) => `${l.name} ${l.shape.join('x')}`).join(', ')}\n` +
      `${errors.map((e) => `  one core per layer: ${e}\n`).join('')}\n  the automatic partition, core by core:\n${formatTable([...table.headers], table.rows.map((r) => [...r]), [...table.align])}`,
  );
  walk.report.section(
    PARTITION_STAGE,
    paragraph(
      `A Loihi core holds at most 1,024 compartments (neurons), 4,096 input and 4,096 output axons and 1,048,576 bits of synapse memory; a layer larger than that is split into blocks, one per core. ` +
        `The to-spikes layer runs on the host (off-chip) and sends its spikes to the chip, so ${chip.length} layers need cores: ${chip.map((l) => `${l.name} (${l.shape.join(' x ')})`).join(', ')}.`,
    ),
    htmlTable(headers, rows, { align: [...align] }),
    errors.length > 0 ? paragraph(`One core per layer fails with Nengo Loihi's errors: ${errors.map((e) => `"${e}"`).join('; ')}.`) : '',
    paragraph(
      `The automatic partitioner searches tilings of each layer's output shape (a tile size per axis, and the sequential split) for the fewest blocks that fit, from the last layer to the first ` +
        `(a layer's output axons depend on how the next one is split): ${partition.cores} cores${example !== undefined ? ` where the example's block shapes use ${example}` : ''} and Nengo Loihi's sequential split ${sequential.cores}. Its cores:`,
    ),
    htmlTable(table.headers, table.rows, { align: [...table.align] }),
  );
  return { layers, partition, cores: { ...(example !== undefined ? { example } : {}), sequential: sequential.cores, automatic: partition.cores } };
}
