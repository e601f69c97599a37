"""The inputs of MindSpore 2.10's primitives by name, for the calls that give them by keyword
(``ops.ReduceSum()(x=x, axis=1)``), measured on MindSpore 2.10: for each primitive class the
package shares with it, the parameters of its ``__call__`` (``name=default`` for those with a
default), or ``*`` when its ``__call__`` takes ``*args`` only, followed by the names its graph
compiler binds keywords to (its documented inputs), and ``@`` when that ``__call__`` is
``Primitive.__call__`` itself.

In PyNative mode a keyword binds as Python binds it to that ``__call__`` (TypeError ``Add.__call__()
got an unexpected keyword argument 'x'``; a ``*args`` call takes none). While a graph is compiled
(GRAPH_MODE, ``jit``) the names bind as MindSpore's compiler binds them, with its errors
(RuntimeError ``Got an unexpected keyword argument 'x'.``)."""
import ast as _ast

from .._errors import ComputeError, DTypeError

__all__ = ["bind", "keyword_call"]

_SPECS = {
    "ACos": "input",
    "Abs": "input",
    "AccumulateNV2": "* @",
    "AcosExt": "input",
    "Acosh": "input",
    "AcoshExt": "input",
    "Adam": "* var,m,v,beta1_power,beta2_power,lr,beta1,beta2,epsilon,gradient @",
    "AdamWeightDecay": "var,m,v,lr,beta1,beta2,epsilon,decay,gradient",
    "AdaptiveAvgPool2D": "* input_x @",
    "AdaptiveAvgPool3D": "* x @",
    "AdaptiveMaxPool2D": "input",
    "AdaptiveMaxPool3D": "* x,output_size @",
    "Add": "input,other",
    "AddExt": "input,other,alpha=1",
    "AddN": "* x @",
    "AddScalar": "input,other,alpha=1",
    "Addcdiv": "input,tensor1,tensor2,value",
    "Addcmul": "input,tensor1,tensor2,value",
    "AdjustHue": "* image,delta @",
    "AdjustSaturation": "* image,scale @",
    "AffineGrid": "* theta,output_size @",
    "AllGather": "* input_x @",
    "AllReduce": "* input_x @",
    "Angle": "input",
    "Any": "input",
    "AnyExt": "input,dim,keepdim=False",
    "ApplyAdaMax": "* var,m,v,beta1_power,lr,beta1,beta2,epsilon,grad @",
    "ApplyAdadelta": "* var,accum,accum_update,lr,rho,epsilon,grad @",
    "ApplyAdagrad": "* var,accum,lr,grad @",
    "ApplyAdagradDA": "* var,gradient_accumulator,gradient_squared_accumulator,grad,lr,l1,l2,global_step @",
    "ApplyAdagradV2": "* var,accum,lr,grad @",
    "ApplyAdamWithAmsgrad": "* var,m,v,vhat,beta1_power,beta2_power,lr,grad @",
    "ApplyAdamWithAmsgradV2": "* var,m,v,vhat,beta1_power,beta2_power,lr,beta1,beta2,epsilon,grad @",
    "ApplyAddSign": "* var,m,lr,alpha,sign_decay,beta,grad @",
    "ApplyCenteredRMSProp": "* var,mean_gradient,mean_square,moment,grad,learning_rate,decay,momentum,epsilon @",
    "ApplyFtrl": "* var,accum,linear,grad,lr,l1,l2,lr_power @",
    "ApplyGradientDescent": "* var,alpha,delta @",
    "ApplyKerasMomentum": "* var,accum,lr,grad,momentum @",
    "ApplyMomentum": "* variable,accumulation,learning_rate,gradient,momentum @",
    "ApplyPowerSign": "* var,m,lr,logbase,sign_decay,beta,grad @",
    "ApplyProximalAdagrad": "* var,accum,lr,l1,l2,grad @",
    "ApplyProximalGradientDescent": "* var,alpha,l1,l2,delta @",
    "ApplyRMSProp": "* var,mean_square,moment,learning_rate,grad,decay,momentum,epsilon @",
    "ApproximateEqual": "* x,y @",
    "Arange": "start,end,step,dtype=None",
    "ArgMaxExt": "input,dim=None,keepdim=False",
    "ArgMaxWithValue": "input",
    "ArgMinExt": "input,dim=None,keepdim=False",
    "ArgMinWithValue": "input",
    "Argmax": "input_x",
    "Argmin": "x",
    "Asin": "input",
    "AsinExt": "input",
    "Asinh": "input",
    "AsinhExt": "input",
    "Assert": "* condition,input_data @",
    "Assign": "variable,value",
    "AssignAdd": "variable,value",
    "AssignSub": "variable,value",
    "Atan": "input",
    "Atan2": "input,other",
    "Atan2Ext": "input,other",
    "AtanExt": "input",
    "Atanh": "input",
    "AvgPool": "x",
    "AvgPool3D": "* x @",
    "BCEWithLogitsLoss": "input,target,weight=None,posWeight=None",
    "BartlettWindow": "* window_length @",
    "BatchMatMul": "x,y",
    "BatchMatMulExt": "input,mat2",
    "BatchNorm": "* input_x,scale,bias,mean,variance",
    "BatchToSpace": "* input_x @",
    "BatchToSpaceND": "* @",
    "Bernoulli": "* x,p @",
    "BesselI0": "* x @",
    "BesselI0e": "* x @",
    "BesselI1": "* x @",
    "BesselI1e": "* x @",
    "BesselJ0": "* x @",
    "BesselJ1": "* x @",
    "BesselK0": "* x @",
    "BesselK0e": "* x @",
    "BesselK1": "* x @",
    "BesselK1e": "* x @",
    "BesselY0": "* x @",
    "BesselY1": "* x @",
    "Betainc": "a,b,x",
    "BiasAdd": "input_x,bias",
    "BinaryCrossEntropy": "input,target,weight=None",
    "Bincount": "* array,size,weights @",
    "BitwiseAnd": "* x,y @",
    "BitwiseNot": "input",
    "BitwiseOr": "* x,y @",
    "BitwiseXor": "* x,y @",
    "BlackmanWindow": "* window_length @",
    "BoundingBoxDecode": "* anchor_box,deltas @",
    "BoundingBoxEncode": "* anchor_box,groundtruth_box @",
    "Broadcast": "* input_x @",
    "BroadcastTo": "input",
    "Bucketize": "* input @",
    "CTCGreedyDecoder": "* inputs,sequence_length @",
    "CTCLoss": "* x,labels_indices,labels_values,sequence_length @",
    "CTCLossV2": "* log_probs,targets,input_lengths,target_lengths @",
    "Cast": "input_x,dtype",
    "Cauchy": "* @",
    "Cdist": "x1,x2",
    "CeLU": "x",
    "Ceil": "input",
    "ChannelShuffle": "* x @",
    "CheckNumerics": "* x @",
    "CheckValid": "* bboxes,img_metas @",
    "Cholesky": "input_x",
    "CholeskyInverse": "input_x",
    "CholeskySolve": "* x1,x2 @",
    "Chunk": "input,chunks,dim=0",
    "ClampScalar": "input,min=None,max=None",
    "ClampTensor": "input,min=None,max=None",
    "Clone": "input",
    "Coalesce": "* x_indices,x_values,x_shape @",
    "Col2Im": "* x,output_size @",
    "CombinedNonMaxSuppression": ("* boxes,scores,max_output_size_per_class,max_total_size,iou_threshold,"
                                  "score_threshold @"),
    "CompareAndBitpack": "* x,threshold @",
    "Complex": "real,imag",
    "ComplexAbs": "* x @",
    "ComputeAccidentalHits": "* true_classes,sampled_candidates @",
    "Concat": "tensors",
    "ConfusionMatrix": "* labels,predictions,weights @",
    "Conj": "input",
    "ConjugateTranspose": "* x,perm @",
    "Conv2D": "* x,weight @",
    "Conv2DBackpropInput": "* @",
    "Conv2DTranspose": "* dout,weight,input_size @",
    "Conv3D": "* x,weight,bias @",
    "Conv3DTranspose": "* dout,weight,bias @",
    "Cos": "input",
    "Cosh": "input",
    "CountNonZero": "* x @",
    "CropAndResize": "* x,boxes,box_index,crop_size @",
    "Cross": "input,other",
    "CumProd": "x,axis",
    "CumSum": "input,axis",
    "Cummax": "input",
    "Cummin": "input",
    "CumsumExt": "input,dim,dtype=None",
    "CumulativeLogsumexp": "* x,axis @",
    "DType": "x",
    "DataFormatDimMap": "* input_x @",
    "DataFormatVecPermute": "* input_x @",
    "Dense": "input,weight,bias=None",
    "Depend": "value,expr",
    "DepthToSpace": "* x @",
    "DepthwiseConv2dNative": "* @",
    "Diag": "input",
    "DiagExt": "input,diagonal=0",
    "DiagPart": "* input_x @",
    "Diagonal": "input",
    "Digamma": "* x @",
    "Dilation2D": "* x,filter @",
    "Div": "input,other",
    "DivNoNan": "* x1,x2 @",
    "Divs": "input,other",
    "Dot": "input,other",
    "Dropout": "x",
    "Dropout2D": "* x @",
    "Dropout3D": "* x @",
    "DynamicShape": "* @",
    "EditDistance": "* hypothesis_indices,hypothesis_values,hypothesis_shape,truth_indices,truth_values,truth_shape @",
    "Eig": "x",
    "Einsum": "* x @",
    "Elu": "input_x",
    "EluExt": "input",
    "EmbeddingLookup": "* input_params,input_indices,offset @",
    "Eps": "* x @",
    "Equal": "input,other",
    "EqualCount": "* x,y @",
    "EqualExt": "input,other",
    "Erf": "input",
    "Erfc": "input",
    "Erfinv": "input",
    "EuclideanNorm": "* x,axes @",
    "Exp": "input",
    "Exp2": "input",
    "Expand": "* @",
    "ExpandAs": "input,other",
    "ExpandDims": "input_x,axis",
    "Expm1": "input",
    "ExtractImagePatches": "input_x",
    "ExtractVolumePatches": "* @",
    "Eye": "n,m,dtype",
    "FFTWithSize": "x",
    "FakeQuantParam": "* @",
    "FastGeLU": "x",
    "FastGelu": "* @",
    "Fill": "dtype,dims,x",
    "FillDiagonal": "* input_x @",
    "FillV2": "* shape,value @",
    "Fills": "* @",
    "Flatten": "input_x",
    "FlattenExt": "input,start_dim=0,end_dim=-1",
    "Floor": "input",
    "FloorDiv": "input,other",
    "FloorMod": "x,y",
    "Fmax": "* @",
    "Fmin": "* @",
    "FmodTensor": "input,other",
    "ForiLoop": "lower,upper,loop_func,init_val,unroll=True",
    "Frac": "input",
    "FractionalAvgPool": "* x @",
    "FractionalMaxPool": "* x @",
    "FractionalMaxPool3DWithFixedKsize": "* x,random_samples @",
    "FractionalMaxPoolWithFixedKsize": "* input_x,random_samples @",
    "FullLike": "input,fill_value,dtype=None",
    "GLU": "x",
    "Gamma": "* shape,alpha,beta @",
    "Gather": "input_params,input_indices,axis",
    "GatherD": "x,dim,index",
    "GatherNd": "input_x,indices",
    "GatherNdExt": "input,indices",
    "GatherV2": "* @",
    "Gcd": "input,other",
    "GeLU": "input",
    "Gelu": "* @",
    "GeluExt": "input,approximate='none'",
    "Geqrf": "input",
    "Ger": "* x1,x2 @",
    "Greater": "input,other",
    "GreaterEqual": "input,other",
    "GridSampler2D": "input_x,grid",
    "GridSampler3D": "input_x,grid",
    "HSVToRGB": "* x @",
    "HShrink": "input",
    "HSigmoid": "input",
    "HSwish": "input",
    "HammingWindow": "* length @",
    "Hardtanh": "input,min_val=-1,max_val=1",
    "Heaviside": "* x,values @",
    "Histogram": "* x @",
    "HistogramFixedWidth": "* x,range @",
    "HistogramSummary": "* name,value",
    "HookBackward": "* input @",
    "Hypot": "* x1,x2 @",
    "IOU": "* anchor_boxes,gt_boxes @",
    "Identity": "input_x",
    "IdentityN": "* x @",
    "Igamma": "* a,x @",
    "Igammac": "* a,x @",
    "Im2Col": "* x @",
    "Imag": "* input @",
    "ImageSummary": "* name,value",
    "InTopK": "* x1,x2 @",
    "IndexAdd": "* x,indices,y @",
    "IndexAddExt": "input,dim,index,source,alpha=1",
    "IndexFill": "* x,dim,index,value @",
    "IndexPut": "* x1,x2,indices @",
    "IndexSelect": "input,dim,index",
    "InplaceAdd": "* x,input_v @",
    "InplaceIndexAdd": "* var,indices,updates @",
    "InplaceSub": "* x,input_v @",
    "InplaceUpdate": "* @",
    "InplaceUpdateV2": "x,indices,v",
    "InsertGradientOf": "* input_x @",
    "Inv": "* x @",
    "Invert": "* @",
    "InvertPermutation": "* input_x @",
    "IsClose": "input,other",
    "IsFinite": "input",
    "IsInf": "input",
    "IsNan": "* x @",
    "IsNegInf": "input",
    "KLDivLoss": "* logits,labels @",
    "Kthvalue": "input,k,dim=-1,keepdim=False",
    "L2Loss": "* input_x @",
    "L2Normalize": "* x @",
    "LRN": "* x @",
    "LSTM": "* input,h,c,w @",
    "LayerNorm": "input_x,gamma,beta",
    "Lcm": "* x1,x2 @",
    "LeakyReLUExt": "input,negative_slope=0.01",
    "LeftShift": "x1,x2",
    "Lerp": "input,end,weight",
    "LerpScalar": "input,end,weight",
    "Less": "input,other",
    "LessEqual": "input,other",
    "Lgamma": "* x @",
    "LinSpace": "start,stop,num",
    "LinSpaceExt": "start,end,steps,dtype=None",
    "ListDiff": "* x,y @",
    "Load": "* variable",
    "Log": "input",
    "Log10": "input",
    "Log1p": "input",
    "Log2": "input",
    "LogAddExp": "input,other",
    "LogMatrixDeterminant": "input",
    "LogNormalReverse": "* input @",
    "LogSigmoid": "input",
    "LogSoftmax": "logits",
    "LogSoftmaxExt": "input,dim=None,dtype=None",
    "LogSpace": "* start,end @",
    "LogSumExp": "input,dim,keepdim=False",
    "LogUniformCandidateSampler": "* true_classes @",
    "LogicalAnd": "x,y",
    "LogicalNot": "input",
    "LogicalOr": "x,y",
    "LogicalXor": "input,other",
    "Logit": "input",
    "LowerBound": "* sorted_x,values @",
    "LpNorm": "* input @",
    "Lstsq": "* x,a @",
    "LuSolve": "* x,lu_data,lu_pivots @",
    "LuUnpack": "* LU_data,LU_pivots @",
    "MaskedFill": "input_x,mask,value",
    "MaskedFillScalar": "input,mask,value",
    "MaskedScatter": "input,mask,source",
    "MaskedSelect": "input,mask",
    "MatMul": "input,mat2",
    "MatMulExt": "input,other",
    "MatrixBandPart": "* x,lower,upper @",
    "MatrixDeterminant": "input",
    "MatrixDiagPartV3": "* x,k,padding_value @",
    "MatrixDiagV3": "* x,k,num_rows,num_cols,padding_value @",
    "MatrixExp": "input",
    "MatrixInverse": "* x @",
    "MatrixLogarithm": "* x @",
    "MatrixPower": "* x @",
    "MatrixSetDiagV3": "* x,diagonal,k @",
    "MatrixSolve": "* matrix,rhs @",
    "MatrixSolveLs": "* matrix,rhs,l2_regularizer @",
    "MatrixTriangularSolve": "* matrix,rhs @",
    "Max": "input",
    "MaxDim": "input,dim,keepdim=False",
    "MaxPool": "* x @",
    "MaxPool3D": "* x @",
    "MaxPool3DWithArgmax": "* x @",
    "MaxPoolWithArgmax": "* @",
    "MaxPoolWithArgmaxV2": "* x @",
    "MaxUnpool2D": "* x,argmax @",
    "MaxUnpool3D": "* x,argmax @",
    "Maximum": "input,other",
    "MeanExt": "input,dim=None,keepdim=False,dtype=None",
    "MedianDim": "input,dim=-1,keepdim=False",
    "MedianExt": "input",
    "Meshgrid": "inputs",
    "Min": "input",
    "MinDim": "input,dim,keepdim=False",
    "Minimum": "input,other",
    "MirrorPad": "* input_x,paddings @",
    "Mish": "* x @",
    "Mm": "input,mat2",
    "Mod": "* x,y @",
    "Mul": "input,other",
    "MulNoNan": "* x,y @",
    "Muls": "input,other",
    "MultiMarginLoss": "x,target,weight=None",
    "MultilabelMarginLoss": "* x,target @",
    "Multinomial": "* x,num_samples @",
    "MultinomialWithReplacement": "* x,seed,offset @",
    "Mv": "input,vec",
    "Mvlgamma": "* x @",
    "NLLLoss": "logits,labels,weight",
    "NMSWithMask": "* bboxes @",
    "NPUAllocFloatStatus": "* @",
    "NPUClearFloatStatus": "* x @",
    "NPUGetFloatStatus": "* x @",
    "NanToNum": "input",
    "Nansum": "input,dim=None,keepdim=False,dtype=None",
    "Narrow": "input,dim,start,length",
    "Neg": "input",
    "NewOnes": "input,size,dtype=None",
    "NewZeros": "input,size,dtype=None",
    "NextAfter": "input,other",
    "NoRepeatNGram": "* state_seq,log_probs @",
    "NonDeterministicInts": "* shape @",
    "NonMaxSuppressionV3": "* boxes,scores,max_output_size,iou_threshold,score_threshold @",
    "NonMaxSuppressionWithOverlaps": "* overlaps,scores,max_output_size,overlap_threshold,score_threshold @",
    "NonZero": "input",
    "Norm": "input,p=2.0,dim=None,keepdim=False,dtype=None",
    "NotEqual": "input,other",
    "NthElement": "* input,n @",
    "NuclearNorm": "* x @",
    "OneHot": "indices,depth,on_value,off_value",
    "OneHotExt": "tensor,num_classes,on_value,off_value",
    "Ones": "shape,dtype=None",
    "OnesLike": "x",
    "OnesLikeExt": "input,dtype=None",
    "Orgqr": "* x,tau @",
    "Ormqr": "* x,tau,other @",
    "Outer": "input,vec2",
    "PReLU": "input,weight",
    "Pack": "* @",
    "Pad": "* input_x @",
    "PadV3": "* x,paddings,constant_value @",
    "Padding": "* x @",
    "ParallelConcat": "* values @",
    "ParameterizedTruncatedNormal": "* shape,mean,stdevs,min,max @",
    "Partial": "* args",
    "Pdist": "* x @",
    "PixelShuffle": "input,upscale_factor",
    "Poisson": "* shape,mean @",
    "Polar": "abs,angle",
    "Polygamma": "* a,x @",
    "PopulationCount": "* input_x @",
    "Pow": "input,exponent",
    "PrimitiveWithInfer": "* @",
    "Print": "* input_x",
    "ProdExt": "input,dim=None,keepdim=False,dtype=None",
    "PyFunc": "* input_x @",
    "Qr": "x",
    "Quantile": "* input,q @",
    "RGBToHSV": "* images @",
    "ROIAlign": "* features,rois @",
    "RaggedRange": "* starts,limits,deltas @",
    "RandomCategorical": "* logits,num_sample,seed @",
    "RandomChoiceWithMask": "* input_x @",
    "RandomGamma": "* shape,alpha @",
    "RandomPoisson": "* shape,rate @",
    "RandomShuffle": "* x @",
    "Randperm": "* n @",
    "RandpermV2": "n",
    "Range": "start,end,step",
    "Rank": "x",
    "ReLU": "input",
    "ReLU6": "x",
    "Real": "input",
    "RealDiv": "x,y",
    "Reciprocal": "input",
    "ReduceAll": "input,axis=None",
    "ReduceAny": "x,axis=()",
    "ReduceMax": "x,axis=()",
    "ReduceMean": "x,axis=()",
    "ReduceMin": "x,axis=()",
    "ReduceProd": "x,axis=()",
    "ReduceScatter": "* input_x @",
    "ReduceStd": "x",
    "ReduceSum": "x,axis=()",
    "RemainderTensorTensor": "input,other",
    "Renorm": "* x @",
    "Repeat": "input,repeats",
    "Reshape": "input,shape",
    "ResizeArea": "* images,size @",
    "ResizeBicubic": "image,size",
    "ResizeBilinearV2": "image,size",
    "ResizeLinear1D": "x,size",
    "ResizeNearestNeighbor": "input_x",
    "ResizeNearestNeighborV2": "image,size",
    "ReverseSequence": "* x,seq_lengths @",
    "ReverseV2": "input",
    "RightShift": "input_x,input_y",
    "Rint": "* input_x @",
    "RmsNorm": "x,gamma",
    "Roll": "input",
    "Round": "input,decimals=0",
    "Rsqrt": "input",
    "SGD": "* parameters,gradient,learning_rate,accum,momentum,stat @",
    "STFT": "* x,window @",
    "ScalarCast": "input_x,input_y",
    "ScalarSummary": "* name,value",
    "ScalarToArray": "* @",
    "ScalarToTensor": "x,dtype=mindspore.float32",
    "Scan": "loop_func,init,xs,length=None,unroll=True",
    "Scatter": "input,dim,index,src,reduce='none'",
    "ScatterAdd": "* input_x,indices,updates @",
    "ScatterAddExt": "input,dim,index,src",
    "ScatterAddWithAxis": "* @",
    "ScatterDiv": "* input_x,indices,updates @",
    "ScatterMax": "* input_x,indices,updates @",
    "ScatterMin": "* input_x,indices,updates @",
    "ScatterMul": "* input_x,indices,updates @",
    "ScatterNd": "indices,updates,shape",
    "ScatterNdAdd": "* input_x,indices,updates @",
    "ScatterNdDiv": "* input_x,indices,updates @",
    "ScatterNdMax": "* input_x,indices,updates @",
    "ScatterNdMin": "* input_x,indices,updates @",
    "ScatterNdMul": "* input_x,indices,updates @",
    "ScatterNdSub": "* input_x,indices,updates @",
    "ScatterNdUpdate": "* input_x,indices,updates @",
    "ScatterNonAliasingAdd": "* @",
    "ScatterSub": "* input_x,indices,updates @",
    "ScatterUpdate": "* input_x,indices,updates @",
    "ScatterValue": "input,dim,index,src,reduce='none'",
    "SeLU": "* input_x @",
    "SearchSorted": "sorted_sequence,values,sorter=None",
    "SegmentMax": "* input_x,segment_ids @",
    "SegmentMean": "* input_x,segment_ids @",
    "SegmentMin": "* input_x,segment_ids @",
    "SegmentProd": "* input_x,segment_ids @",
    "SegmentSum": "* input_x,segment_ids @",
    "Select": "condition,input,other",
    "SelectV2": "condition,input,other",
    "Shape": "x",
    "SiLU": "input",
    "Sigmoid": "input",
    "SigmoidCrossEntropyWithLogits": "* logits,label @",
    "Sign": "input",
    "Sin": "input",
    "Sinc": "input",
    "Sinh": "input",
    "Size": "* input_x @",
    "Slice": "input,begin,size",
    "SmoothL1Loss": "prediction,target",
    "SoftMarginLoss": "input,target",
    "SoftShrink": "input",
    "Softmax": "input",
    "SoftmaxCrossEntropyWithLogits": "* logits,labels @",
    "Softplus": "* input_x @",
    "SoftplusExt": "input,beta=1,threshold=20",
    "Softsign": "* input_x @",
    "Sort": "* x @",
    "SortExt": "input,dim=-1,descending=False,stable=False",
    "SpaceToBatch": "* input_x @",
    "SpaceToBatchND": "* input_x @",
    "SpaceToDepth": "* x @",
    "SparseApplyAdadelta": "* var,accum,accum_update,lr,rho,grad,indices @",
    "SparseApplyAdagrad": "* @",
    "SparseApplyAdagradV2": "* var,accum,grad,indices @",
    "SparseApplyFtrl": "* var,accum,linear,grad,indices @",
    "SparseApplyFtrlV2": "* @",
    "SparseApplyProximalAdagrad": "* var,accum,lr,l1,l2,grad,indices @",
    "SparseApplyRMSProp": "* var,ms,mom,lr,grad,indices @",
    "SparseGatherV2": "* input_params,input_indices,axis @",
    "SparseSlice": "* indices,values,shape,start,size @",
    "SparseSoftmaxCrossEntropyWithLogits": "* logits,labels @",
    "SparseTensorDenseAdd": "* x1_indices,x1_values,x1_shape,x2 @",
    "SparseTensorDenseMatmul": "* indices,values,sparse_shape,dense @",
    "SparseToDense": "* indices,values,sparse_shape @",
    "Split": "input_x",
    "SplitV": "* input_x @",
    "Sqrt": "x",
    "Square": "input",
    "SquareSumAll": "* x,y @",
    "SquaredDifference": "* x,y @",
    "Squeeze": "input",
    "Stack": "* input_x @",
    "StackExt": "tensors",
    "StandardLaplace": "* shape @",
    "StandardNormal": "* shape @",
    "Std": "input,dim=None,correction=1,keepdim=False",
    "StdMean": "input,dim=None,correction=1,keepdim=False",
    "StopGradient": "* value @",
    "StridedSlice": "input_x,begin,end,strides",
    "Sub": "* x,y @",
    "SubExt": "input,other,alpha=1",
    "SubScalar": "input,other,alpha=1",
    "SumExt": "input,dim=None,keepdim=False,dtype=None",
    "Svd": "input",
    "TExt": "input",
    "Take": "input,index",
    "Tan": "* input @",
    "Tanh": "input",
    "TensorAdd": "* @",
    "TensorDump": "file,input_x",
    "TensorScatterAdd": "input_x,indices,updates",
    "TensorScatterDiv": "* input_x,indices,updates @",
    "TensorScatterElements": "data,indices,updates",
    "TensorScatterMax": "* input_x,indices,updates @",
    "TensorScatterMin": "* input_x,indices,updates @",
    "TensorScatterMul": "* input_x,indices,updates @",
    "TensorScatterSub": "* input_x,indices,updates @",
    "TensorScatterUpdate": "* input_x,indices,update @",
    "TensorShape": "input_x",
    "TensorSummary": "* name,value",
    "Threshold": "input,threshold,value",
    "Tile": "input,dims",
    "TopK": "* input_x,k @",
    "TopkExt": "input,k,dim=-1,largest=True,sorted=True",
    "Trace": "input",
    "TraceExt": "input",
    "Transpose": "input,dims",
    "TridiagonalMatMul": "* superdiag,maindiag,subdiag,rhs @",
    "Tril": "* x @",
    "TrilExt": "input,diagonal=0",
    "TrilIndices": "* @",
    "TripletMarginLoss": "* x,positive,negative,margin @",
    "Triu": "input",
    "TriuIndices": "* @",
    "Trunc": "input",
    "TruncateDiv": "* x,y @",
    "TruncateMod": "* x,y @",
    "TruncatedNormal": "* shape @",
    "TupleToArray": "* input_x",
    "UniformCandidateSampler": "* true_classes @",
    "UniformInt": "* shape,minval,maxval @",
    "UniformReal": "* shape @",
    "Unique": "* input_x @",
    "UniqueConsecutive": "input",
    "UniqueWithPad": "* @",
    "Unpack": "* @",
    "UnravelIndex": "* indices,dims @",
    "UnsortedSegmentMax": "* input_x,segment_ids,num_segments @",
    "UnsortedSegmentMin": "* input_x,segment_ids,num_segments @",
    "UnsortedSegmentProd": "* input_x,segment_ids,num_segments @",
    "UnsortedSegmentSum": "input_x,segment_ids,num_segments",
    "Unstack": "* input_x @",
    "UpperBound": "* sorted_x,values @",
    "UpsampleNearest3D": "x,output_size=None,scales=None",
    "UpsampleTrilinear3D": "x,output_size=None,scales=None",
    "Var": "input,dim=None,correction=1,keepdim=False",
    "VarMean": "input,dim=None,correction=1,keepdim=False",
    "Vdot": "input,other",
    "WhileLoop": "cond_func,loop_func,init_val",
    "Xdivy": "* x,y @",
    "Xlogy": "input,other",
    "Zeros": "size,dtype=None",
    "ZerosLike": "x",
    "ZerosLikeExt": "input,dtype=None",
    "Zeta": "* x,q @",
}

_PARSED = {}


def _parse(spec):
    """``(params, var, graph_names, owner)``: params ``(name, has_default, default text)``."""
    owner_primitive = spec.endswith(" @") or spec == "@"
    spec = spec[:-2] if spec.endswith(" @") else spec
    var = spec.startswith("*")
    graph = []
    params = []
    if var:
        graph = [n for n in spec[1:].strip().split(",") if n]
    else:
        for part in (p for p in spec.split(",") if p):
            name, eq, default = part.partition("=")
            params.append((name, bool(eq), default))
        graph = [p[0] for p in params]
    return params, var, graph, owner_primitive


def _default(text):
    """The value of a default's text (a literal, or a ``mindspore.<dtype>``)."""
    if text.startswith("mindspore."):
        from ..common import dtype as mstype
        return getattr(mstype, text.split(".", 1)[1])
    return _ast.literal_eval(text)


def _error(cls, msg):
    """`cls(msg)` marked to reach the caller unchanged (MindSpore's message names no op: the
    primitive's wrapper would otherwise prefix ``For '<op>', ``)."""
    e = cls(msg)
    e._ems_user_error = True
    return e


def _listing(names):
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def bind(name, args, kwargs, graph):
    """The positional inputs of the primitive class `name` called with `args` and the keyword
    inputs `kwargs` (MindSpore's names), or ``None`` when the class is not in the table.

    Args:
        name (str): The primitive class's name.
        args (tuple): The positional inputs.
        kwargs (dict): The keyword inputs (not empty).
        graph (bool): Whether a graph is being compiled (GRAPH_MODE or ``jit``).

    Returns:
        list, the inputs in order (a default filled in only where a later input is given).

    Raises:
        TypeError: A keyword PyNative's ``__call__`` does not take, or one given twice.
        RuntimeError: A keyword the graph compiler does not know.

    Examples:
        >>> from mindspore.ops._prim_inputs import bind
        >>> bind("ReduceSum", ("x",), {"axis": 1}, False)
        ['x', 1]
    """
    spec = _SPECS.get(name)
    if spec is None:
        return None
    if spec not in _PARSED:
        _PARSED[spec] = _parse(spec)
    params, var, graph_names, owner_primitive = _PARSED[spec]
    owner = "Primitive" if owner_primitive else name
    if not graph:
        if var:
            raise _error(DTypeError, f"{owner}.__call__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        names = [p[0] for p in params]
        for key in kwargs:
            if key not in names:
                raise _error(DTypeError, f"{owner}.__call__() got an unexpected keyword argument '{key}'")
            if names.index(key) < len(args):
                raise _error(DTypeError, f"{owner}.__call__() got multiple values for argument '{key}'")
        missing = [n for i, (n, has, _) in enumerate(params) if i >= len(args) and not has and n not in kwargs]
        if missing:
            count = f"{len(missing)} required positional argument{'s' if len(missing) > 1 else ''}"
            raise _error(DTypeError, f"{owner}.__call__() missing {count}: {_listing(missing)}")
    else:
        names = graph_names
        for key in kwargs:
            if key not in names:
                raise _error(ComputeError, f"Got an unexpected keyword argument '{key}'.")
            if names.index(key) < len(args):
                raise _error(DTypeError, f"For Operator[{name}], the number of inputs (including default arguments) "
                                 f"should be {len(names)}, but the actual number of inputs is not satisfied, "
                                 f"which is {len(args)}.")
    last, first = max(names.index(k) for k in kwargs), next(iter(kwargs))
    out = list(args)
    for i in range(len(args), last + 1):
        key = names[i]
        if key in kwargs:
            out.append(kwargs[key])
        elif not var and params[i][1]:
            out.append(_default(params[i][2]))
        else:
            raise _error(ComputeError, f"Got an unexpected keyword argument '{first}' for 'S_Prim_{name}'.")
    if graph and not var and any(not has for _, has, _ in params[len(out):]):
        raise _error(ComputeError, f"Got an unexpected keyword argument '{first}' for 'S_Prim_{name}'.")
    return out


def keyword_call(call):
    """``call`` (a primitive's ``__call__``) that runs on the CPU only (RuntimeError for a
    primitive set to another device by ``set_device``) and takes its inputs by MindSpore's names
    too: keyword inputs are bound by :func:`bind` and passed in order. A class with
    ``_own_keywords`` takes its keywords itself.

    Args:
        call (function): The ``__call__``.

    Returns:
        function, the wrapped ``__call__``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ReduceSum()(x=ms.Tensor([1.0, 2.0]), axis=0))
        3.0
    """
    import functools

    @functools.wraps(call)
    def __call__(self, *args, **kwargs):
        target = self.__dict__.get("_prim_attrs", {}).get("primitive_target", "CPU")
        if target != "CPU":
            raise ComputeError(f"Not found op {self.name} on device {target}")
        if kwargs and not getattr(type(self), "_own_keywords", False):
            from .._jit import tracing
            bound = bind(type(self).__name__, args, kwargs, tracing())
            if bound is not None:
                return call(self, *bound)
        return call(self, *args, **kwargs)
    return __call__
