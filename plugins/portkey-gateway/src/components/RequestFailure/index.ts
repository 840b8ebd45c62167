export {
  FailureAlert,
  RequestFailureAlert,
  type FailureWording,
  type FailureWordings,
} from './RequestFailureAlert';
export {
  isResponseError,
  requestFailureOf,
  type RequestFailure,
} from './requestFailure';
