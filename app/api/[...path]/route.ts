// Unknown API paths answer in the one JSON error shape, not Next's HTML 404 page.
import { errorResponse } from '@/lib/server/http';
import { AppError } from '@/lib/errors';

const notFound = async () => errorResponse(new AppError(404, 'No such API route.'));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
