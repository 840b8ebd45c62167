export {
  FailureAlert,
  RequestFailureAlert,
  type FailureWording,
  type FailureWordings,
} from './RequestFailureAlert';
export {
  isResponseError,
  isStandingRefusal,
  requestFailureOf,
  type RequestFailure,
} from './requestFailure';
