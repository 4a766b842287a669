import { backend_util } from '@tensorflow/tfjs-core';
import { SnnError } from '@snn/ir';

/** Geometry of a channels-last 2-D convolution or pooling, flattened for the hot loops. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outH: number;
  readonly outW: number;
  readonly outC: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** {@link ConvGeometry} from tfjs's conv/pool info, refusing what snn's kernels do not handle. */
export function convGeometry(info: backend_util.Conv2DInfo, kernel: string): ConvGeometry {
  if (info.dataFormat !== 'channelsLast') {
    throw new SnnError('KERNEL_UNSUPPORTED', `${kernel}: only channels-last (NHWC) data is supported; got ${info.dataFormat}`, {
      where: kernel,
    });
  }
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) {
    throw new SnnError('KERNEL_UNSUPPORTED', `${kernel}: dilation must be 1; got ${info.dilationHeight}x${info.dilationWidth}`, {
      where: kernel,
    });
  }
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** Whether `g` is unpadded with every tap of every output inside x (a 'valid' conv). */
export function everyTapInside(g: ConvGeometry): boolean {
  return g.padTop === 0 && g.padLeft === 0 && (g.outH - 1) * g.strideH + g.kH <= g.inH && (g.outW - 1) * g.strideW + g.kW <= g.inW;
}
